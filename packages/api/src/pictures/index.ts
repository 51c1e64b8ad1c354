// Profile pictures (API.md "Pictures", ADR 013): the procedures' logic, the image pipeline,
// the store and the URLs. The one entry point of the capability.
export { decodeSlots } from "./decode-slots.js";
export { pictureFormInput } from "./form.js";
export {
  MAX_PICTURE_PIXELS,
  makeProfilePicture,
  PICTURE_SIZE,
  PictureRejected,
} from "./image-pipeline.js";
export { PICTURES_PATH, pictureIdFromFileName, pictureUrl } from "./picture-url.js";
export { pictureStoreOf, removePicture, setPicture } from "./procedures.js";
export { savePicture } from "./save-picture.js";
export { databasePictureStore, type PictureStore } from "./store.js";

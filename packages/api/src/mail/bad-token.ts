import { fieldError } from "../shared/errors.js";

/** One refusal for every bad link: unknown, expired, used, superseded or altered. */
export const badAccountToken = () =>
  fieldError("BAD_REQUEST", "token", "This link is not valid any more. Ask for a new one.");

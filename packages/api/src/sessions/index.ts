// Device sessions (ADR 011), the one entry point: start one (login, registration, password
// change or reset), load the caller's, list them, end one, the others or all, sweep expired ones.
export { type CurrentSession, loadCurrentSession } from "./current.js";
export { type DeviceSession, listDeviceSessions, toDeviceSession } from "./device-session.js";
export { endAllSessions, endCurrentSession, endOtherSessions } from "./end.js";
export { replaceAllSessions, type SessionStarter, startSession } from "./start.js";
export {
  SESSION_SWEEP_INTERVAL_MS,
  type SessionSweep,
  type SessionSweepOptions,
  startSessionSweep,
  sweepExpiredSessions,
} from "./sweep.js";
export { normalizeUserAgent, USER_AGENT_MAX_LENGTH } from "./user-agent.js";

/** Profile lookup and settings overlay. */
import { NATIONAL } from "./national";
import { SHANXI } from "./shanxi";
import { SICHUAN } from "./sichuan";
import type { Profile, ProfileId, Settings } from "./types";

export type { Profile, ProfileId, Settings } from "./types";

export const PROFILES: Readonly<Record<ProfileId, Profile>> = { national: NATIONAL, sichuan: SICHUAN, shanxi: SHANXI };

export function isProfileId(s: string): s is ProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, s);
}

/** The profile with the user's settings laid over it. Unknown ids fall back to national. */
export function resolveProfile(id: string = "national", settings: Settings = {}): Profile {
  const base = isProfileId(id) ? PROFILES[id] : NATIONAL;
  return { ...base, ...settings };
}

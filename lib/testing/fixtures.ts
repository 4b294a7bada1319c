// The providers' documented payloads (copied from their public docs; see fixtures/ats/README.md).
import fs from "node:fs";
import path from "node:path";

export const FIXTURES_DIR = path.join(__dirname, "fixtures", "ats");

/** A fixture's raw bytes, exactly as a provider would send them (signatures cover these). */
export const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES_DIR, name));

export const fixtureJson = <T = unknown>(name: string): T => JSON.parse(fixture(name).toString("utf8")) as T;

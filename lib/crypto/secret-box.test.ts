import { describe, expect, it } from "vitest";
import { aadFor, createKeyring, open, SecretBoxError, seal } from "./secret-box";

const ring = createKeyring(Buffer.alloc(32, 3));
const aad = aadFor("connection_secrets", "secret_enc", "row-1");

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("whsec_canary_value", aad, ring);
    expect(sealed).not.toContain("canary");
    expect(sealed.split(".")[0]).toBe("v1");
    expect(open(sealed, aad, ring)).toBe("whsec_canary_value");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", aad, ring)).not.toBe(seal("same", aad, ring));
  });

  it("refuses a value moved to another row (additional data)", () => {
    const sealed = seal("secret", aad, ring);
    expect(() => open(sealed, aadFor("connection_secrets", "secret_enc", "row-2"), ring)).toThrow(SecretBoxError);
  });

  it("refuses tampered ciphertext", () => {
    const parts = seal("secret", aad, ring).split(".");
    const body = Buffer.from(parts[3] as string, "base64url");
    body[0] = (body[0] as number) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => open(parts.join("."), aad, ring)).toThrow(SecretBoxError);
  });

  it("opens values sealed under a retired key, and names unknown keys", () => {
    const old = createKeyring(Buffer.alloc(32, 9));
    const sealed = seal("old secret", aad, old);
    const rotated = createKeyring(Buffer.alloc(32, 3), [Buffer.alloc(32, 9)]);
    expect(open(sealed, aad, rotated)).toBe("old secret");
    expect(() => open(sealed, aad, ring)).toThrow(/Unknown encryption key id/);
  });
});

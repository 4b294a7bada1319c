import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction } from "./safe-action";

const schema = z.object({ name: z.string().min(2, "Too short.") });
const actor = async () => ({ id: "actor" });

describe("action wrapper", () => {
  it("validates input from FormData and returns field errors", async () => {
    const action = defineAction("t", actor, schema, async ({ input }) => input.name);
    const form = new FormData();
    form.set("name", "x");
    expect(await action(null, form)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: ["Too short."] },
    });
    form.set("name", "Ada");
    expect(await action(null, form)).toEqual({ ok: true, data: "Ada" });
  });

  it("turns typed errors into plain sentences and hides unexpected ones", async () => {
    const refused = defineAction("t", actor, schema, async () => {
      throw new AppError("not_found");
    });
    expect(await refused(null, { name: "Ada" })).toEqual({
      ok: false,
      code: "not_found",
      error: "We couldn't find that.",
    });
    const broken = defineAction("t", actor, schema, async () => {
      throw new Error("relation secret_table leaked at line 3");
    });
    const result = await broken(null, { name: "Ada" });
    expect(result).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(result)).not.toContain("secret_table");
  });

  it("refuses before validating when the actor check fails", async () => {
    const action = defineAction(
      "t",
      async () => {
        throw new AppError("unauthenticated");
      },
      schema,
      async () => "never",
    );
    expect(await action(null, {})).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("reports an unreachable database as temporarily unavailable", async () => {
    const action = defineAction("t", actor, schema, async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    });
    expect(await action(null, { name: "Ada" })).toMatchObject({ ok: false, code: "database_unavailable" });
  });
});

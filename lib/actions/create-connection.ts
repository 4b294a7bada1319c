"use server";

import { z } from "zod";
import { ATS_PROVIDERS, CLIENT_SOURCES } from "@/db/schema/enums";
import { createConnection } from "@/lib/ats/connections/commands";
import { MANAGERS } from "@/lib/auth/guards";
import { scopeOf } from "./connection-scope";
import { memberAction } from "./safe-action";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

const input = z.object({
  name: z.string().trim().min(1, "Give the connection a name.").max(100),
  provider: z.enum(ATS_PROVIDERS, { message: "Choose your ATS." }),
  brandId: z.string().uuid("Choose the brand jobs are published under."),
  clientSource: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CLIENT_SOURCES).optional()),
  clientField: optional(z.string().trim().max(100)),
  fixedClientBrandId: optional(z.string().uuid("Choose one of your clients.")),
  boardToken: optional(
    z
      .string()
      .trim()
      .max(200)
      .regex(/^[A-Za-z0-9._-]+$/, "Use the board name exactly as it appears in the board's address."),
  ),
  boardBaseUrl: optional(z.url({ protocol: /^https?$/, message: "Enter a full http(s) address." }).max(500)),
  syncIntervalMinutes: z.coerce.number().int().min(5).max(1440).default(60),
  signingSecret: optional(z.string().trim().min(16, "Use at least 16 characters.").max(500)),
});

export const createConnectionAction = memberAction(
  "create-connection",
  { roles: MANAGERS },
  input,
  async ({ input, actor, db }) => createConnection(db, scopeOf(actor), input),
);

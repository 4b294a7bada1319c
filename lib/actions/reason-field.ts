// The reason every trust & safety action carries: shown to the organisation and kept in the audit log.
import { z } from "zod";

export const reasonField = z
  .string()
  .trim()
  .min(5, "Say why in a few words: the organisation sees this reason.")
  .max(500, "Keep the reason under 500 characters.");

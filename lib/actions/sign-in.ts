"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { AppError } from "@/lib/errors";
import { publicAction } from "./safe-action";

const input = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(1024),
  callbackUrl: z.string().optional(),
});

export const signInAction = publicAction("sign-in", input, async ({ input }) => {
  try {
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeCallbackPath(input.callbackUrl ?? "/"),
    });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      if ((error as AuthError & { code?: string }).code === "throttled") {
        throw new AppError("rate_limited", "Too many failed sign-ins. Please wait 15 minutes and try again.");
      }
      throw new AppError("invalid_credentials");
    }
    throw error;
  }
});

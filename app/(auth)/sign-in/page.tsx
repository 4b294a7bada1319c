import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor, homePathFor } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const actor = await currentActor();
  if (actor) redirect(callbackUrl === "/" ? homePathFor(actor) : callbackUrl);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">Wigiwork</p>
      <h1 className="mb-2 text-2xl font-semibold">Sign in to the employer portal</h1>
      <p className="mb-6 text-sm text-slate-600">
        Employers, agencies, candidates and trust &amp; safety sign in here.
      </p>
      <SignInForm callbackUrl={callbackUrl} />
    </main>
  );
}

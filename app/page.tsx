import { redirect } from "next/navigation";
import { currentActor, homePathFor } from "@/lib/auth/actor";

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homePathFor(actor) : "/sign-in");
}

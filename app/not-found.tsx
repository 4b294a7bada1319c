import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">There&apos;s nothing here, or it isn&apos;t yours to see.</p>
      <Link href="/" className="mt-6 inline-block text-indigo-700 underline">
        Go to your start page
      </Link>
    </main>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `count`: something new behind the link (said in full by `countLabel` to screen readers). */
export type NavItem = { href: string; label: string; count?: number; countLabel?: string };

export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800"
              >
                {item.label}
                {item.count ? (
                  <span className="ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
                    <span aria-hidden="true">{item.count}</span>
                    <span className="sr-only">{item.countLabel ?? `${item.count} new`}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

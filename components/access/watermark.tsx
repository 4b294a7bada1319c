const TILES = Array.from({ length: 18 }, (_, i) => `tile-${i}`);

/** Tiles the viewer's e-mail and the time over the profile, so a screenshot names who took it. */
export function Watermark({ text }: { text: string }) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 select-none overflow-hidden">
      <div className="grid h-full -rotate-12 scale-125 grid-cols-2 content-around gap-y-16 md:grid-cols-3">
        {TILES.map((tile) => (
          <span key={tile} className="whitespace-nowrap text-center text-xs font-medium text-slate-900/10">
            {text}
          </span>
        ))}
      </div>
    </div>
  );
}

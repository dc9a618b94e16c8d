"use client";
import { useEffect, useId, useRef, useState } from "react";

/**
 * The staff header's navigation and account links: always shown on wide screens; on a phone folded
 * behind a 菜单 disclosure button (aria-expanded), which closes on Escape and when a link in it is followed.
 */
export function StaffMenu({ children }: { children: React.ReactNode }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest("a") && panel.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="ml-auto inline-flex items-center gap-1.5 rounded border border-white/40 px-3 py-1.5 text-sm hover:bg-white/10 lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          {open ? <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" /> : <path d="M2 4h12M2 8h12M2 12h12" />}
        </svg>
        菜单
      </button>
      <div
        ref={panel}
        id={id}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 pb-2 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:gap-6 lg:pb-0`}
      >
        {children}
      </div>
    </>
  );
}

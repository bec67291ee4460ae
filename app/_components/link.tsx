"use client";
// eslint-disable-next-line no-restricted-imports -- the one wrapper of next/link
import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * The app's link: `next/link` that prefetches its page only once the user shows intent (pointer
 * over it, keyboard focus, touch). Next's default prefetches every link that scrolls into view, and
 * every page here is rendered per request: a dashboard or menu full of links had the server render
 * dozens of pages nobody opened. The lint rule in eslint.config.js sends every link through here.
 */
export function Link({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(e) => { setIntent(true); onMouseEnter?.(e); }}
      onFocus={(e) => { setIntent(true); onFocus?.(e); }}
      onTouchStart={(e) => { setIntent(true); onTouchStart?.(e); }}
    />
  );
}

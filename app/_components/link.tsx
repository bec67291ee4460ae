// eslint-disable-next-line no-restricted-imports -- the one wrapper of next/link
import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: `next/link` without prefetching. Next prefetches every link that scrolls into
 * view, and every page here is rendered per request: a dashboard or an open menu had the server
 * render dozens of pages nobody opened. Prefetching on intent (hover, focus) buys nothing either:
 * without a loading state to show, the click fetches the page anew (measured: two prefetch
 * requests on hover, then the full page on click). The lint rule in eslint.config.js sends every
 * link through here.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink {...props} prefetch={false} />;
}

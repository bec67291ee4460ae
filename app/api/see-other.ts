import { NextResponse } from "next/server";

/** A relative redirect keeps the browser on the host it came from, whatever address the server listens on. */
export const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { location } });

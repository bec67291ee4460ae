import { cannotCome } from "@/server/calendar/cannot-come";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

/** A client's "cannot come" link from an appointment reminder (server/calendar/cannot-come.ts). */
export async function GET(req: Request, { params }: Params) {
  return cannotCome(req, (await params).token);
}

export async function POST(req: Request, { params }: Params) {
  return cannotCome(req, (await params).token);
}

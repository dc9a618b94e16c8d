import { notFound } from "next/navigation";
import { recordId } from "@/lib/validation/admin";

/** The record id in a page's URL; anything that is not a plain positive number is a 404. */
export async function routeId(params: Promise<{ id: string }>): Promise<number> {
  const parsed = recordId.safeParse((await params).id);
  if (!parsed.success) notFound();
  return parsed.data;
}

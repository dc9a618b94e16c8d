import { recordId } from "@/lib/validation/admin";

/** The id a create action put in the list's URL (`?created=12`), or null. */
export async function createdParam(searchParams: Promise<{ created?: string | string[] }>): Promise<number | null> {
  const parsed = recordId.safeParse((await searchParams).created);
  return parsed.success ? parsed.data : null;
}

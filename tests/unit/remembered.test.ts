import { afterEach, describe, expect, it, vi } from "vitest";
import type { SqliteDb as Db } from "@/db/client";
import { remembered } from "@/db/queries/remembered";

// Only the identity of the database matters to the memory: any object stands for one.
const aDb = () => ({}) as Db;
const space = { name: "test", maxAgeMs: 1000, max: 3 };

afterEach(() => vi.useRealTimers());

describe("remembered", () => {
  it("computes once within the age, again after it", () => {
    vi.useFakeTimers();
    const db = aDb();
    let runs = 0;
    const compute = () => ++runs;
    expect(remembered(db, space, "k", compute)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(remembered(db, space, "k", compute)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(remembered(db, space, "k", compute)).toBe(2);
  });

  it("keeps each database and each space apart", () => {
    const one = aDb();
    const two = aDb();
    expect(remembered(one, space, "k", () => "one")).toBe("one");
    expect(remembered(two, space, "k", () => "two")).toBe("two");
    expect(remembered(one, { ...space, name: "other" }, "k", () => "other")).toBe("other");
    expect(remembered(one, space, "k", () => "again")).toBe("one");
  });

  it("forgets the least recently used key beyond the space's size", () => {
    const db = aDb();
    for (const key of ["a", "b", "c"]) remembered(db, space, key, () => key);
    remembered(db, space, "a", () => "recomputed");
    remembered(db, space, "d", () => "d");
    expect(remembered(db, space, "a", () => "recomputed")).toBe("a");
    expect(remembered(db, space, "b", () => "recomputed")).toBe("recomputed");
  });
});

/**
 * A few places for costly work (reading a big request body, printing a PDF): at most `atOnce` at a
 * time; the next wait in arrival order for at most `waitMs`, then are turned away.
 */
export class Slots {
  private taken = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly atOnce: number,
    private readonly waitMs: number,
  ) {}

  /** Resolves to the function that gives the place back, or null when none came free in time. */
  async admit(): Promise<(() => void) | null> {
    if (this.taken >= this.atOnce) {
      const turn = await new Promise<boolean>((resolve) => {
        const take = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(take), 1);
          resolve(false);
        }, this.waitMs);
        this.waiting.push(take);
      });
      if (!turn) return null;
    } else this.taken++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The place passes straight to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.taken--;
    };
  }
}

/**
 * First in, first out, in constant time per item: an array's `shift` copies the rest of a long queue
 * (a large feed queues thousands of pieces at once for the worker threads; a flood of requests waits
 * at the HTTP handler), so taken items are counted off from the front and the array is cut down once
 * most of it is taken.
 */
export class TaskQueue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  /** Items waiting. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** The next item, left in place. */
  first(): T | undefined {
    return this.items[this.head];
  }

  /** Adds an item at the end. */
  push(item: T): void {
    this.items.push(item);
  }

  /** Takes the next item. */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Puts items back at the front, in their order (a lost worker's tasks). */
  putBack(items: Iterable<T>): void {
    this.items = [...items, ...this.items.slice(this.head)];
    this.head = 0;
  }

  /** Takes every item. */
  drain(): T[] {
    const rest = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return rest;
  }
}

declare module 'commonmark-spec' {
  /** One example of the CommonMark spec. */
  export interface SpecExample {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: SpecExample[];
}

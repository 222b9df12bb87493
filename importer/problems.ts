/** A problem found in the input, located as precisely as we can, with a hint on how to fix it. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
  hint?: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const hint = problem.hint ? `\n    hint: ${problem.hint}` : "";
  return `${where}: ${problem.message}${hint}`;
}

/** Thrown when validation found problems; carries all of them so they can be reported at once. */
export class ValidationError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the knowledge files:\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "ValidationError";
    this.problems = problems;
  }
}

/** Reads a file as strict UTF-8, reporting a non-UTF-8 or empty file as a problem. */
export function decodeUtf8(bytes: Uint8Array, file: string): string | Problem {
  if (bytes.length === 0) {
    return { file, message: "the file is empty", hint: "add content or delete the file" };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return {
      file,
      message: "the file is not valid UTF-8",
      hint: "save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8 in > out)",
    };
  }
}

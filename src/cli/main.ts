import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SpecfillError } from '../core/errors.js';
import { nearestWord } from '../core/edit-distance.js';
import { colorsFor, writeErrorJson, type CliContext, type OutputStream } from './context.js';
import { VERSION } from './version.js';

/** What the bin hands to {@link main}. */
export interface MainOptions {
  /** Arguments after the program name. */
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Where interactive prompts read keys from (default: process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
}

/**
 * Runs specfill with the given arguments and streams. Returns the exit code:
 * 0 success, 1 findings or a refused action, 2 usage or runtime failure.
 * Commands are imported lazily so that `--version` and `--help` start fast.
 */
export async function main(options: MainOptions): Promise<number> {
  const env = options.env ?? process.env;
  const ctx: CliContext = {
    cwd: options.cwd,
    stdout: options.stdout,
    stderr: options.stderr,
    env,
    now: options.now ?? (() => new Date()),
    stdin: options.stdin ?? process.stdin,
    color: colorsFor(options.stdout, env),
  };
  let exitCode = 0;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  // `specfill help chek`: commander prints the whole help and fails without a word on the name; said as `specfill chek` is.
  const [first, asked] = options.argv;
  if (first === 'help' && asked !== undefined && !asked.startsWith('-') && !program.commands.some((c) => c.name() === asked || c.aliases().includes(asked))) {
    const meant = nearestWord(asked, program.commands.map((c) => c.name()));
    ctx.stderr.write(`specfill: unknown command '${asked}'${meant === undefined ? '' : ` (did you mean ${meant}?)`}\n  hint: specfill --help lists the commands\n`);
    return 2;
  }
  try {
    await program.parseAsync([...options.argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander error is bad usage.
      if (error.exitCode === 0) return 0;
      // Commander printed its message; `--json` still gets its one JSON document.
      if (wantsErrorJson(options.argv)) writeErrorJson(ctx, new SpecfillError('USAGE', error.message.replace(/^error: /, ''), {}, 'see specfill --help'));
      return 2;
    }
    if (error instanceof SpecfillError) {
      ctx.stderr.write(`specfill: ${error.format()}\n`);
      // `--json` promises one JSON document on stdout: a failure is one too.
      if (wantsErrorJson(options.argv)) writeErrorJson(ctx, error);
      // A conflict (the file changed meanwhile), a refused move or a file that exists already is a refusal, not a failure.
      return error.code === 'CONFLICT' || error.code === 'REFUSED' || error.code === 'FILE_EXISTS' ? 1 : 2;
    }
    ctx.stderr.write(`specfill: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}

/**
 * Whether a failure is owed one JSON document on stdout: `--json` was given
 * to a command whose `--json` prints one. `check --json` is `--format json`,
 * whose failures (a wrong setup) write no report at all, only the error on
 * stderr, as with `--format json` itself: a CI step that reads stdout gets
 * the same either way.
 */
function wantsErrorJson(argv: readonly string[]): boolean {
  if (!argv.includes('--json')) return false;
  const command = argv.find((a) => !a.startsWith('-'));
  return command !== 'check';
}

function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command('specfill')
    .description('Create, list, fill and check technical specifications written from Markdown templates.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  program.addHelpText('after', `
Exit codes: 0 success, 1 findings or refused action, 2 usage or runtime failure.
Docs: README.md and docs/ in the specfill package.`);

  const templates = program.command('templates').description('list built-in and project templates; `templates show ID` prints one outline')
    // (The options of `list`, the default, are the bare command's too: `templates --json`.)
    .addHelpText('after', '\nOptions of `templates list` (the default):\n  --json  print JSON');
  templates.command('list', { isDefault: true })
    .description('list templates: id, version, source, sections, placeholders')
    .option('--json', 'print JSON')
    // `specfill templates tech-spec` most likely means `templates show tech-spec`: say so.
    .allowExcessArguments()
    .action(async (opts: { json?: boolean }, command: Command) => {
      const extra = command.args[0];
      if (extra !== undefined) {
        // (A slip for a command, `templates shwo tech-spec`, is said so, as `specfill chek` is.)
        const meant = nearestWord(extra, ['list', 'show']);
        throw new SpecfillError('USAGE', `\`${extra}\` is not a \`templates\` command (they are: list, show)${meant === undefined ? '' : `: did you mean \`${meant}\`?`}`, {},
          meant === 'show' && command.args[1] !== undefined ? `specfill templates show ${command.args[1]}` : `to print one template's outline: specfill templates show ${meant === undefined ? extra : 'ID'}`);
      }
      const { runTemplatesList } = await import('./commands/templates.js');
      setExit(await runTemplatesList(ctx, opts));
    });
  templates.command('show')
    .description('print a template outline: its sections with each placeholder id and instruction')
    .argument('<id>', 'template id (tech-spec, tech-spec@1) or template file (keps/NNNN-kep-template/README.md)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const { runTemplatesShow } = await import('./commands/templates.js');
      setExit(await runTemplatesShow(ctx, id, opts));
    });

  program.command('new')
    .description('create a spec from a template, with front matter and its title filled')
    .argument('<template>', 'template id, e.g. tech-spec')
    .requiredOption('-t, --title <title>', 'title of the spec')
    .option('-d, --dir <dir>', 'folder for the new spec, from the project root (default: specs, or the folder the config\'s specs globs look in)')
    .option('-o, --owner <owner>', 'an owner (repeat for several)', collect, [] as string[])
    .option('--out <file>', 'exact file to write (instead of <dir>/<title-slug>.md)')
    .option('-f, --force', 'replace an existing file')
    .option('--answers <file>', 'fill placeholders from a YAML or JSON file of id: Markdown, in the same step')
    .option('--supersedes <file>', 'the spec this one replaces: both are linked (supersedes / superseded-by) and the old one is marked superseded')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  specfill new tech-spec --title "Rate limiter" --owner alice\n  specfill new tech-spec --title "Rate limiter" --answers answers.yaml\n  specfill new tech-spec --title "Rate limiter v2" --supersedes specs/rate-limiter.md')
    .action(async (template: string, opts: import('./commands/new.js').NewOptions) => {
      const { runNew } = await import('./commands/new.js');
      setExit(await runNew(ctx, template, opts));
    });

  program.command('placeholders')
    .description('list the open placeholders of a spec: id, section, line:column, instruction')
    .argument('<file>', 'spec file')
    .option('--json', 'print a JSON array of {id, section, instruction, line, column, endLine, endColumn}')
    .addOption(new Option('--max-file-bytes <n>', 'largest file to read (default: the config\'s maxFileBytes, else 10 MiB)').argParser(positiveInt))
    .addHelpText('after', '\nExample:\n  specfill placeholders specs/rate-limiter.md --json')
    .action(async (file: string, opts: { json?: boolean; maxFileBytes?: number }) => {
      const { runPlaceholders } = await import('./commands/placeholders.js');
      setExit(await runPlaceholders(ctx, file, opts));
    });

  program.command('fill')
    .description('fill placeholders through the fill contract: only their spans change, atomically, never over a newer edit')
    .argument('<file>', 'spec file')
    .option('-a, --answers <file>', 'YAML or JSON mapping of placeholder id to Markdown')
    .option('-i, --interactive', 'ask for each open placeholder: type the answer, open $EDITOR, skip or quit; saves after every answer')
    .option('--agent', 'draft each open placeholder with an LLM (see --provider, --model, --base-url)')
    .option('--provider <name>', 'openai-compatible (Ollama, llama.cpp, vLLM, LM Studio), openai or anthropic; env SPECFILL_PROVIDER')
    .option('--model <name>', 'model name; env SPECFILL_MODEL')
    .option('--base-url <url>', 'API base URL, e.g. http://127.0.0.1:11434/v1; env SPECFILL_BASE_URL')
    .option('--brief <text>', 'what the spec is about, for --agent; @FILE reads it from a file')
    .option('--context <paths...>', 'background files for --agent (files, folders, globs)')
    .addOption(new Option('--timeout <seconds>', 'for --agent: give up on one model call after this long (default: the config\'s agent.timeoutSeconds, else 120)').argParser(timeoutSeconds))
    .addOption(new Option('--concurrency <n>', 'for --agent: placeholders drafted at once (1: in order, each seeing the earlier answers)').argParser(positiveInt).default(1))
    .option('--only <ids...>', 'fill only these placeholder ids')
    .option('--dry-run', 'print the unified diff and write nothing')
    .option('--json', 'print {file, filled, remaining, refused, hash}')
    .addHelpText('after', `
Answers file (YAML):
  overview: |
    A token-bucket rate limiter in front of the public API.
  architecture/data-model: |
    One bucket per client id, in Redis.

Give one of --answers, --interactive or --agent. Keys come from the environment only:
OPENAI_API_KEY, ANTHROPIC_API_KEY, or SPECFILL_API_KEY for an OpenAI-compatible server.
Exit codes: 0 all filled, 1 an answer was refused or the file changed meanwhile, 2 bad input (nothing written).

Examples:
  specfill fill specs/rate-limiter.md --answers answers.yaml --dry-run
  specfill fill specs/rate-limiter.md --answers answers.yaml --only overview
  specfill fill specs/rate-limiter.md --interactive
  specfill fill specs/rate-limiter.md --agent --provider openai-compatible --base-url http://127.0.0.1:11434/v1 --model llama3.1 --brief @brief.md`)
    .action(async (file: string, opts: import('./commands/fill.js').FillOptions) => {
      const { runFill } = await import('./commands/fill.js');
      setExit(await runFill(ctx, file, opts));
    });

  program.command('draft')
    .description('create a spec from a template and draft every placeholder with an LLM')
    .argument('<template>', 'template id, e.g. tech-spec')
    .requiredOption('-t, --title <title>', 'title of the spec')
    .requiredOption('-b, --brief <text>', 'what the spec is about; @FILE reads it from a file')
    .option('-d, --dir <dir>', 'folder for the new spec, from the project root (default: specs, or the folder the config\'s specs globs look in)')
    .option('-o, --owner <owner>', 'an owner (repeat for several)', collect, [] as string[])
    .option('--out <file>', 'exact file to write')
    .option('--provider <name>', 'openai-compatible, openai or anthropic; env SPECFILL_PROVIDER')
    .option('--model <name>', 'model name; env SPECFILL_MODEL')
    .option('--base-url <url>', 'API base URL; env SPECFILL_BASE_URL')
    .option('--context <paths...>', 'background files (files, folders, globs)')
    .addOption(new Option('--timeout <seconds>', 'give up on one model call after this long (default: the config\'s agent.timeoutSeconds, else 120)').argParser(timeoutSeconds))
    .addOption(new Option('--concurrency <n>', 'placeholders drafted at once').argParser(positiveInt).default(1))
    .option('--json', 'print the drafting result as JSON')
    .addHelpText('after', '\nExample:\n  specfill draft tech-spec --title "Rate limiter" --brief @brief.md --provider openai-compatible --base-url http://127.0.0.1:11434/v1 --model llama3.1\n\nThen: specfill check specs/rate-limiter.md')
    .action(async (template: string, opts: import('./commands/draft.js').DraftOptions) => {
      const { runDraft } = await import('./commands/draft.js');
      setExit(await runDraft(ctx, template, opts));
    });

  program.command('prompt')
    .description('print the exact prompt that drafting one placeholder sends to a model (for external agents and debugging)')
    .argument('<file>', 'spec file')
    .requiredOption('-p, --placeholder <id>', 'placeholder id')
    .option('-b, --brief <text>', 'what the spec is about; @FILE reads it from a file')
    .option('-c, --context <paths...>', 'background text files, folders (their *.md) or globs, within the token budget')
    .addOption(new Option('--budget <tokens>', 'tokens the context files may take').argParser(positiveInt).default(8000))
    .option('--json', 'print {system, user, omitted, estimatedTokens}')
    .addHelpText('after', '\nExample:\n  specfill prompt specs/rate-limiter.md --placeholder architecture/data-model --brief @brief.md --context docs')
    .action(async (file: string, opts: import('./commands/prompt.js').PromptOptions) => {
      const { runPrompt } = await import('./commands/prompt.js');
      setExit(await runPrompt(ctx, file, opts));
    });

  program.command('status')
    .description('per spec: title, template, status, open placeholders, completeness')
    .argument('[paths...]', 'files, folders (all *.md below) or globs; default: the config\'s specs globs (from the project root), else the project\'s specs/ if present, else .')
    .option('--json', 'print JSON')
    .addOption(new Option('--max-file-bytes <n>', 'largest file to read (default: the config\'s maxFileBytes, else 10 MiB)').argParser(positiveInt))
    .option('--status <status>', 'only specs with this status (repeat for several)', collect, [] as string[])
    .option('--owner <owner>', 'only specs with this owner (repeat for several)', collect, [] as string[])
    .option('--template <id>', 'only specs of this template (repeat for several)', collect, [] as string[])
    .addOption(new Option('--sort <key>', 'order of the list').choices(['path', 'title', 'status', 'completeness', 'open', 'updated']).default('path'))
    .addHelpText('after', '\nExamples:\n  specfill status\n  specfill status examples --json\n  specfill status "docs/**/*.md"\n  specfill status --status review --status approved --sort updated')
    .action(async (paths: string[], opts: import('./commands/status.js').StatusOptions) => {
      const { runStatus } = await import('./commands/status.js');
      setExit(await runStatus(ctx, paths, opts));
    });

  program.command('check')
    .description('check specs against their templates and rules; for CI')
    .argument('[paths...]', 'files, folders or globs; default: the config\'s `specs` (from the project root), else the project\'s specs/ if present, else .')
    .addOption(new Option('-f, --format <format>', 'report format (github also appends a summary to $GITHUB_STEP_SUMMARY when set)').choices(['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit']).default('pretty'))
    // Every other command prints JSON with --json: here it is the json report.
    .addOption(new Option('--json', 'the same as --format json').conflicts('format'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout (atomically; a link is written through, a pipe or device directly; - is stdout)')
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit, as in ESLint)').argParser(maxWarnings))
    .option('--changed [ref]', 'check only files changed since HEAD left REF (their merge base; default REF: the default branch), untracked included, and the specs that link to a changed or deleted file; every spec when the config or a template changed')
    .option('--cache', 'reuse results for unchanged files (.specfill-cache at the project root)')
    .addOption(new Option('--max-file-bytes <n>', 'largest file to read (default: the config\'s maxFileBytes, else 10 MiB)').argParser(positiveInt))
    .addHelpText('after', `
Rules: ${'unfilled-placeholder, malformed-placeholder, empty-section, missing-section, section-order, heading-level, unknown-section, duplicate-heading, leftover-marker, leftover-guidance, frontmatter, broken-link, unclosed-html, stale-index, template-version, bad-suppression'}
  (each documented in docs/checks/<rule>.md; severities and options in specfill.config.*)
Silence in a spec: <!-- specfill-disable-next-line RULE -- reason --> on the line before,
  or <!-- specfill-disable RULE --> … <!-- specfill-enable RULE --> (no RULE: every rule).
Exit codes: 0 no errors, 1 errors or too many warnings, 2 a file could not be checked or bad setup.

Examples:
  specfill check
  specfill check specs --format sarif --output specfill.sarif
  specfill check --changed origin/main --format github`)
    .action(async (paths: string[], { json, ...opts }: import('./commands/check.js').CheckOptions & { json?: boolean }) => {
      const { runCheck } = await import('./commands/check.js');
      setExit(await runCheck(ctx, paths, json === true ? { ...opts, format: 'json' } : opts));
    });

  program.command('set-status')
    .description('move a spec to another status, through the allowed transitions and gates')
    .argument('<file>', 'the spec')
    .argument('<status>', 'the new status')
    .option('--force', 'move even though a transition rule or a gate refuses (needs --reason)')
    .option('--reason <text>', 'why the move was forced; recorded in the front matter (status-override)')
    .option('--dry-run', 'print the change as a diff; write nothing')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Default lifecycle: draft → review → approved → implemented; also rejected, withdrawn, superseded.
Gates: review and approved need a spec that passes \`specfill check\` (no errors).
Set \`statuses\`, \`transitions\` and \`gates\` in specfill.config.* to change them.
Exit codes: 0 moved (or already there), 1 refused, 2 bad usage.

Examples:
  specfill set-status specs/payments.md review
  specfill set-status specs/payments.md approved --force --reason "approved in the design review of 2026-11-27"`)
    .action(async (file: string, status: string, opts: import('./commands/set-status.js').SetStatusCliOptions) => {
      const { runSetStatus } = await import('./commands/set-status.js');
      setExit(await runSetStatus(ctx, file, status, opts));
    });

  program.command('index')
    .description('write the table of all specs (title, status, owners, completeness, updated) into an index file')
    .option('--out <file>', 'the index file (default: specs/README.md at the project root); text outside its markers is kept')
    .option('--check', 'write nothing; exit 1 when the index is out of date')
    .option('--json', 'print JSON')
    .addHelpText('after', `
The table goes between <!-- specfill-index:start --> and <!-- specfill-index:end -->;
the rest of the file is yours. The stale-index check rule reports an index that no longer matches.

Examples:
  specfill index
  specfill index --out docs/decisions/README.md
  specfill index --check`)
    .action(async (opts: import('./commands/index-specs.js').IndexOptions) => {
      const { runIndex } = await import('./commands/index-specs.js');
      setExit(await runIndex(ctx, opts));
    });

  program.command('sync')
    .description('bring specs up to date with the current version of their template')
    .argument('[paths...]', 'files, folders or globs; default: the config\'s `specs` (from the project root), else the project\'s specs/ if present, else .')
    .option('--dry-run', 'print the changes as a diff; write nothing')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Inserts the sections the template gained (with their placeholders) at their place,
renames headings the template renamed (its front matter \`renamed: {old-id: new-id}\`),
reports sections the template no longer has and keeps them, and records \`template: id@version\`.
Every other byte stays.

Examples:
  specfill sync --dry-run
  specfill sync specs/payments.md`)
    .action(async (paths: string[], opts: import('./commands/sync.js').SyncOptions) => {
      const { runSync } = await import('./commands/sync.js');
      setExit(await runSync(ctx, paths, opts));
    });

  program.command('serve')
    .description('a local web UI: every spec, its state and findings; fill placeholders in a form')
    .argument('[dir]', 'project folder (default: the project root of the working folder)')
    .addOption(new Option('--port <n>', 'port (0 picks a free one)').default(4321).argParser(nonNegativeInt))
    .option('--host <host>', 'address to listen on; anything but loopback lets others edit your specs', '127.0.0.1')
    .option('--open', 'open the browser')
    .addHelpText('after', '\nExamples:\n  specfill serve\n  specfill serve docs --port 8080 --open')
    .action(async (dir: string | undefined, opts: import('./commands/serve.js').ServeOptions) => {
      const { runServe } = await import('./commands/serve.js');
      setExit(await runServe(ctx, dir, opts));
    });

  program.command('render')
    .description('the dashboard and spec pages as a static, read-only site (GitHub Pages, file://)')
    .argument('[dir]', 'project folder (default: the project root of the working folder)')
    .requiredOption('--out <dir>', 'folder to write the site to')
    .option('--base-path <path>', 'absolute links under this path (e.g. /my-repo/); relative links otherwise')
    .addHelpText('after', '\nExamples:\n  specfill render --out site\n  specfill render --out _site --base-path /my-repo/')
    .action(async (dir: string | undefined, opts: { out: string; basePath?: string }) => {
      const { runRender } = await import('./commands/render.js');
      setExit(await runRender(ctx, dir, opts));
    });

  program.command('mcp')
    .description('serve specfill\'s tools to coding agents over MCP (stdio)')
    .option('--root <dir>', 'project root; no file outside it is read or written (default: the project root of the working folder)')
    .addHelpText('after', `
Tools: list_templates, list_specs, get_spec, list_placeholders, get_placeholder_context,
  fill_placeholder (hash precondition, atomic), check_spec, set_status, create_spec.
Resources: spec://{path}. Prompt: fill-spec. Logs go to stderr; stdout carries the protocol.

Examples:
  claude mcp add specfill -- npx specfill mcp
  specfill mcp --root ~/src/my-service
(see docs/mcp.md for Cursor and VS Code)`)
    .action(async (opts: { root?: string }) => {
      const { runMcp } = await import('./commands/mcp.js');
      setExit(await runMcp(ctx, opts));
    });

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

// Digits only: Number() would also take '' (0), '0x1' (1) and ' 2 '.
function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return Number(value);
}

/** `--max-warnings`: a whole number, or -1 for no limit (ESLint's way to write it; `check` reads it as none). */
function maxWarnings(value: string): number {
  if (value !== '-1' && !/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more, or -1 for no limit.');
  return Number(value);
}

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) === 0) throw new InvalidArgumentError('expected a positive whole number.');
  return Number(value);
}

/** The longest wait for one model call, in seconds: a day (the config's `agent.timeoutSeconds` has the same bound). */
const MAX_TIMEOUT_SECONDS = 86_400;

function timeoutSeconds(value: string): number {
  const n = positiveInt(value);
  if (n > MAX_TIMEOUT_SECONDS) throw new InvalidArgumentError(`at most ${MAX_TIMEOUT_SECONDS} (a day).`);
  return n;
}

/**
 * Credentials reach the page the way Jupyter hands over its token: `npm start` prints a URL whose
 * fragment (never sent to any server) carries them; the page moves them into session storage (this
 * tab only) and removes the fragment from the address bar. Nothing is baked into the built files.
 */
import { z } from "zod";
import type { ConnectionConfig } from "../../graph/neo4jService.ts";

const STORAGE_KEY = "tpg.connection";

const credentialsSchema = z.object({
  uri: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, "a bolt://, neo4j:// or neo4j+s:// URL"),
  user: z.string().min(1),
  password: z.string().min(1),
  database: z.string().min(1).optional(),
});

export function parseFragment(hash: string): ConnectionConfig | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const candidate = {
    uri: params.get("uri") ?? undefined,
    user: params.get("user") ?? "neo4j",
    password: params.get("password") ?? undefined,
    database: params.get("database") ?? undefined,
  };
  const parsed = credentialsSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export function buildFragment(config: ConnectionConfig): string {
  const params = new URLSearchParams({ uri: config.uri, user: config.user, password: config.password });
  if (config.database) params.set("database", config.database);
  return `#${params.toString()}`;
}

export function loadCredentials(): ConnectionConfig | null {
  const fromFragment = parseFragment(window.location.hash);
  if (fromFragment) {
    saveCredentials(fromFragment);
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    for (const key of ["uri", "user", "password", "database"]) params.delete(key);
    const rest = params.toString();
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ""}`,
    );
    return fromFragment;
  }
  const stored = window.sessionStorage.getItem(STORAGE_KEY);
  if (!stored) return null;
  try {
    const parsed = credentialsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveCredentials(config: ConnectionConfig): void {
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(config));
}

export function forgetCredentials(): void {
  window.sessionStorage.removeItem(STORAGE_KEY);
}

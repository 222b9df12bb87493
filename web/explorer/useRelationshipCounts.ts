/**
 * The relationship types of the selected node as the database holds them (not as drawn), so that the
 * inspector can say what there is to expand. Asked again whenever another node is selected; an answer
 * for a node that is no longer selected is dropped.
 */
import { useEffect, useState } from "react";
import type { DataSource, RelationshipCount } from "../data/types.ts";

export type RelationshipCounts =
  | { status: "loading" }
  | { status: "ready"; counts: RelationshipCount[] }
  | { status: "failed"; detail: string };

export function useRelationshipCounts(source: DataSource, id: string): RelationshipCounts {
  const [answer, setAnswer] = useState<{ id: string; source: DataSource; result: RelationshipCounts }>();
  useEffect(() => {
    let current = true;
    source.relationshipCounts(id).then(
      (counts) => current && setAnswer({ id, source, result: { status: "ready", counts } }),
      (e: unknown) =>
        current &&
        setAnswer({
          id,
          source,
          result: { status: "failed", detail: e instanceof Error ? e.message : String(e) },
        }),
    );
    return () => {
      current = false;
    };
  }, [source, id]);
  // Until the answer for this node (and this source) arrives, the previous node's must not show.
  return answer && answer.id === id && answer.source === source ? answer.result : { status: "loading" };
}

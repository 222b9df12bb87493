/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker), settings inferred from the
 * graph. The worker is created in an effect and killed in its cleanup; `run(ms)` lays out for a while
 * and stops, so positions settle and no structural edit happens while it runs.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RenderGraph } from "./renderGraph.ts";

export function useForceAtlas2(graph: RenderGraph) {
  const layout = useRef<FA2Layout | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const [running, setRunning] = useState(false);

  const stop = useCallback(() => {
    window.clearTimeout(timer.current);
    layout.current?.stop();
    setRunning(false);
  }, []);

  const run = useCallback(
    (ms?: number) => {
      if (graph.order === 0) return;
      layout.current?.kill();
      layout.current = new FA2Layout(graph, {
        settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, slowDown: 5 },
      });
      layout.current.start();
      setRunning(true);
      window.clearTimeout(timer.current);
      if (ms) timer.current = window.setTimeout(stop, ms);
    },
    [graph, stop],
  );

  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      layout.current?.kill();
    },
    [],
  );

  return { running, run, stop };
}

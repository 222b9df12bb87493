/**
 * A camera that follows what changed. `frame(target)` frames the target once React and sigma have
 * drawn the change (two animation frames later), and — for changes that start the layout, such as an
 * expansion — frames it again where the nodes came to rest when the layout stops, since ForceAtlas2
 * moves them and sigma re-fits its coordinates to the graph's new bounding box. Dragging or zooming
 * on the canvas meanwhile hands the camera back to the user.
 */
import { useCallback, useEffect, useRef, type RefObject } from "react";
import type Sigma from "sigma";
import { frameNodes, shownNodes, type FrameOptions } from "./camera.ts";
import type { RenderEdge, RenderGraph, RenderNode } from "./renderGraph.ts";

/**
 * Node ids; "shown": whatever the reducers leave visible once the change is drawn; or a function
 * asked for the ids then (when they depend on the graph after the change).
 */
export type FrameTarget = readonly string[] | "shown" | ((graph: RenderGraph) => readonly string[]);

export interface FollowOptions extends FrameOptions {
  /** Frame again when the layout the change started comes to rest. */
  settle?: boolean;
}

/** A follow that waits longer than this for its layout is forgotten. */
const SETTLE_WAIT_MS = 20_000;

export function useCameraFollow(
  sigmaRef: RefObject<Sigma<RenderNode, RenderEdge> | null>,
  layoutRunning: boolean,
) {
  const pending = useRef<{ target: FrameTarget; options: FollowOptions; until: number } | null>(null);
  const release = useRef<(() => void) | null>(null);

  const frameNow = useCallback(
    (target: FrameTarget, options: FrameOptions) => {
      const sigma = sigmaRef.current;
      if (!sigma) return;
      const ids =
        target === "shown"
          ? shownNodes(sigma)
          : typeof target === "function"
            ? target(sigma.getGraph())
            : target;
      void frameNodes(sigma, ids, options);
    },
    [sigmaRef],
  );

  const stopFollowing = useCallback(() => {
    pending.current = null;
    release.current?.();
    release.current = null;
  }, []);

  const frame = useCallback(
    (target: FrameTarget, options: FollowOptions = {}) => {
      stopFollowing();
      requestAnimationFrame(() => requestAnimationFrame(() => frameNow(target, options)));
      const sigma = sigmaRef.current;
      if (!options.settle || !sigma) return;
      pending.current = { target, options, until: performance.now() + SETTLE_WAIT_MS };
      const captor = sigma.getMouseCaptor();
      captor.on("mousedown", stopFollowing);
      captor.on("wheel", stopFollowing);
      release.current = () => {
        captor.off("mousedown", stopFollowing);
        captor.off("wheel", stopFollowing);
      };
    },
    [frameNow, sigmaRef, stopFollowing],
  );

  const wasRunning = useRef(layoutRunning);
  useEffect(() => {
    const stopped = wasRunning.current && !layoutRunning;
    wasRunning.current = layoutRunning;
    const follow = pending.current;
    if (!stopped || !follow) return;
    stopFollowing();
    if (performance.now() < follow.until) frame(follow.target, { ...follow.options, settle: false });
  }, [layoutRunning, frame, stopFollowing]);

  useEffect(() => stopFollowing, [stopFollowing]);

  return frame;
}

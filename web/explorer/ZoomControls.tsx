/**
 * Buttons over the canvas: zoom in, zoom out, fit what is shown, and how many labels to offer
 * (few / normal / many — the label layer keeps them from overlapping at every setting). Keys +, - and
 * 0 do the same, unless the user is typing or the explorer is not the view on screen.
 */
import { useSetSettings, useSigma } from "@react-sigma/core";
import { useCallback, useEffect, useState } from "react";
import { useT } from "../i18n.ts";
import { frameNodes, shownNodes } from "./camera.ts";
import { typing } from "./keys.ts";
import type { RenderEdge, RenderNode } from "./renderGraph.ts";
import { LABEL_DENSITY, type LabelDensity } from "./sigmaSettings.ts";

const ZOOM = { factor: 1.5, duration: 250 } as const;

export function ZoomControls() {
  const t = useT();
  const sigma = useSigma<RenderNode, RenderEdge>();
  const setSettings = useSetSettings<RenderNode, RenderEdge>();
  const [density, setDensity] = useState<LabelDensity>("normal");

  useEffect(() => setSettings(LABEL_DENSITY[density]), [density, setSettings]);

  const zoomIn = useCallback(() => void sigma.getCamera().animatedZoom(ZOOM), [sigma]);
  const zoomOut = useCallback(() => void sigma.getCamera().animatedUnzoom(ZOOM), [sigma]);
  const fit = useCallback(() => void frameNodes(sigma, shownNodes(sigma), { duration: 400 }), [sigma]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
      // The explorer stays mounted, hidden, behind the other views: keys there are not for it.
      if (sigma.getContainer().closest(".view-hidden")) return;
      const keys: Record<string, (() => void) | undefined> = {
        "+": zoomIn,
        "=": zoomIn,
        "-": zoomOut,
        _: zoomOut,
        "0": fit,
      };
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [sigma, zoomIn, zoomOut, fit]);

  return (
    <div className="canvas-controls" role="toolbar" aria-label={t("canvasControls")}>
      <button className="secondary" onClick={zoomIn} title={`${t("zoomIn")} (+)`} data-testid="zoom-in">
        +
      </button>
      <button className="secondary" onClick={zoomOut} title={`${t("zoomOut")} (−)`} data-testid="zoom-out">
        −
      </button>
      <button className="secondary" onClick={fit} title={`${t("zoomFit")} (0)`} data-testid="zoom-fit">
        {t("zoomFitShort")}
      </button>
      <label className="label-density" title={t("labelDensityHint")}>
        {t("labelDensity")}
        <select
          value={density}
          onChange={(e) => setDensity(e.target.value as LabelDensity)}
          data-testid="label-density"
        >
          <option value="few">{t("labelsFew")}</option>
          <option value="normal">{t("labelsNormal")}</option>
          <option value="many">{t("labelsMany")}</option>
        </select>
      </label>
    </div>
  );
}

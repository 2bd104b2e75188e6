/** `aksnet recommend -o table`: the ranking with the reasons of the first three, and the plan file written. */
import type { Formatter } from "../output/formats.js";
import { renderRecommendationText } from "./recommendation-text.js";
import type { RecommendView } from "./view.js";

const recommendTable: Formatter<RecommendView> = ({ recommendation, emitted }, { color }) => {
  const text = renderRecommendationText(recommendation, { color, details: 3 });
  if (!emitted) return text;
  return (
    `${text}\nWrote the plan for ${emitted.title} to ${emitted.file}; check it with: aksnet check ` +
    `${emitted.file}\n`
  );
};
export default recommendTable;

/** `aksnet recommend -o markdown`: the ranking and reasons as Markdown. */
import type { Formatter } from "../output/formats.js";
import { renderRecommendationMarkdown } from "./recommendation-text.js";
import type { RecommendView } from "./view.js";

const recommendMarkdown: Formatter<RecommendView> = (v) => renderRecommendationMarkdown(v.recommendation);
export default recommendMarkdown;

// Line patterns several recognisers share.

// "- …" | "+ …" | "• …"
export const BULLET_LINE = /^\s*[-+•–—*▪◦●]\s*\S/u;

// The exports part of the API: which plan a file is of. The files themselves are bytes (FileReply).

import { z } from "zod";
import { Id } from "./common.js";

export const ExportPlanParams = z.object({ id: Id.describe("Mã kế hoạch") });

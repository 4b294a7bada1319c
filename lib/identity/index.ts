// The only module that touches candidate identity (an architecture test enforces it). Identity is
// stored here, read only by the profile viewer for an organisation with approved access, and erased
// when the candidate asks.
import "server-only";

export {
  type CandidateIdentity,
  type EducationEntry,
  type EmploymentEntry,
  eraseIdentity,
  insertIdentities,
} from "./store";
export { type ProfileView, type Viewer, type ViewRequest, viewCandidateProfile } from "./viewer";

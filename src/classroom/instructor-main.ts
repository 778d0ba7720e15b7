// Entry point of the instructor's page (instructor.html): the live class view, nothing else of the lab.
// First: the zod settings every schema below is parsed with.
import "../zod-config.ts";
import "../page.css";
import "./lab-class-view.ts";

// Entry point of the instructor's page (instructor.html): the live class view, nothing else of the lab.
import "../page.css";
import "./lab-class-view.ts";
import { CHALLENGES, EXERCISES } from "virtual:isolation-lab/course";
import type { LabClassView } from "./lab-class-view.ts";

// The course the page was built with, for the exercises' order and the titles (no module singleton in the element).
const view = document.querySelector<LabClassView>("lab-class-view");
if (view) {
  view.course = EXERCISES;
  view.challenges = CHALLENGES;
}

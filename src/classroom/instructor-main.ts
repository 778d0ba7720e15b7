// Entry point of the instructor's page (instructor.html): the live class view, nothing else of the lab.
import "../page.css";
import "./lab-class-view.ts";

// The entry of the worker that packs and unpacks saved machines (see machine-packer.ts and
// worker-machine-packing.ts, which starts it).
/// <reference lib="webworker" />
import { serveMachinePacking } from "./machine-packer.ts";

serveMachinePacking(self);

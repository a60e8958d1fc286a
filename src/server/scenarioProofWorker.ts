/** The scenario proof worker thread: computes one scenario and proves it with the rota engine (workerData), posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runProofMessage, type ProofJob } from './scenarioProof.js';

parentPort!.postMessage(runProofMessage(workerData as ProofJob));

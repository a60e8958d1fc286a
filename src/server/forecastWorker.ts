/** The forecast worker thread: runs one ForecastJob (workerData) and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runForecastMessage, type ForecastJob } from './forecastJob.js';

parentPort!.postMessage(runForecastMessage(workerData as ForecastJob));

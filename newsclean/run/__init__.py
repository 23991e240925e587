"""Running a batch: inputs and formats, outputs, executors, reports."""

# The two commands of the README. Both install what is missing first.

.PHONY: run test

## Build the node and run a dev chain until Ctrl-C (RPC on ws://127.0.0.1:9944).
run:
	@./scripts/run-dev.sh

## Run the whole suite: fmt, clippy -D warnings, docs, unit tests, end-to-end tests.
test:
	@./scripts/test.sh

// Placeholder: the network guard lands with the test-infrastructure work (see issue 2, item 12).
export {};

/** The home model: one versioned document of what Porchlight knows about the home, and its service. */
export * from './schema.js';
export * from './home-model.js';
export * from './migrate.js';

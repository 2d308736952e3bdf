// Placeholder until the renderer lands.
document.getElementById('root')!.textContent = 'Porchlight';

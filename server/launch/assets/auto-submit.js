// Sends the authorize-post form as soon as the page loads; the visible button is the fallback.
document.getElementById('authorize-form')?.submit();

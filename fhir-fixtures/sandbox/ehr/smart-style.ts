/**
 * The EHR's SMART style document (`smart_style_url`), so apps can match the host's look.
 * Keys follow the SMART App Launch styling convention.
 *
 * @module
 */
export const sandboxSmartStyle = Object.freeze({
  color_background: '#ffffff',
  color_error: '#b3261e',
  color_highlight: '#3b4a5a',
  color_modal_backdrop: 'rgba(0,0,0,0.4)',
  color_success: '#1a7f37',
  color_text: '#222222',
  dim_border_radius: '4px',
  dim_font_size: '14px',
  dim_spacing_size: '10px',
  font_family_body: 'Arial, Helvetica, sans-serif',
  font_family_heading: 'Arial, Helvetica, sans-serif',
});

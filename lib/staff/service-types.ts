// Client-safe types of lib/staff/service.ts (which is server-only), for its forms.
export type OwnPasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

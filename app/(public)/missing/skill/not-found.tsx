export { default } from '../../skills/[slug]/not-found';

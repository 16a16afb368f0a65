import { Button, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type MantineButtonProps = ButtonProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & { ref?: Ref<HTMLAnchorElement> };

function MantineButtonAnchor(props: MantineButtonProps) {
  return <Button component="a" {...props} />;
}

const Created = createLink(MantineButtonAnchor);

/** Mantine's Button as a router link whose `to`, `params` and `search` are checked against the routes. */
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => <Created preload="intent" {...props} />;
